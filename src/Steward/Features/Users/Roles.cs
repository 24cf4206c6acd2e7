namespace Steward.Features.Users;

/// <summary>The application roles. Record-level access comes from ownership, teams and account teams.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Manager = "Manager";
    public const string AccountManager = "AccountManager";

    public static readonly IReadOnlyList<string> All = [Admin, Manager, AccountManager];
}
