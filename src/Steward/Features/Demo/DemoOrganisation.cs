using Steward.Features.Users;

namespace Steward.Features.Demo;

/// <summary>The demo organisation's people: two teams, their managers, account managers and an admin.</summary>
public static class DemoOrganisation
{
    public const string Password = "Steward-demo-1";

    public static readonly IReadOnlyList<NewUser> People =
    [
        new("admin@steward.demo", "Alex Admin", Password, Roles.Admin, JobTitle: "Head of Customer Operations"),
        new("manager@steward.demo", "Morgan Meyer", Password, Roles.Manager, "North", ManagesTeam: true, JobTitle: "Key Account Director, North"),
        new("am@steward.demo", "Avery Brooks", Password, Roles.AccountManager, "North", JobTitle: "Key Account Manager"),
        new("am2@steward.demo", "Jordan Falk", Password, Roles.AccountManager, "North", JobTitle: "Key Account Manager"),
        new("manager2@steward.demo", "Sam Okafor", Password, Roles.Manager, "South", ManagesTeam: true, JobTitle: "Key Account Director, South"),
        new("am3@steward.demo", "Riley Santos", Password, Roles.AccountManager, "South", JobTitle: "Account Manager"),
    ];
}
