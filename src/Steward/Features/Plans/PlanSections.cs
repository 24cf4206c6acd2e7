using System.Reflection;

namespace Steward.Features.Plans;

/// <summary>The blueprint's free-text sections, with their headings, in the order the plan shows them.</summary>
public static class PlanSections
{
    public const int MaxLength = 20_000;

    public sealed record Section(string Name, string Heading, string Hint)
    {
        private readonly PropertyInfo _property = typeof(AccountPlan).GetProperty(Name)!;
        public string? Read(AccountPlan plan) => (string?)_property.GetValue(plan);
        public void Write(AccountPlan plan, string? value) => _property.SetValue(plan, value);
    }

    public static readonly IReadOnlyList<Section> All =
    [
        new(nameof(AccountPlan.CustomerProfile), "Customer profile", "Who they are: business, structure, strategy, buying process, our history with them."),
        new(nameof(AccountPlan.NeedsAssessment), "Needs assessment", "What they need from us and where they are not served today."),
        new(nameof(AccountPlan.CustomerGoals), "What the customer wants to achieve", "Their goals this period, in their words."),
        new(nameof(AccountPlan.Strengths), "Strengths", "SWOT: our strengths with this customer."),
        new(nameof(AccountPlan.Weaknesses), "Weaknesses", "SWOT: where we are weak."),
        new(nameof(AccountPlan.Opportunities), "Opportunities", "SWOT: openings in the account or its market."),
        new(nameof(AccountPlan.Threats), "Threats", "SWOT: competitors, budget cuts, changes of people."),
        new(nameof(AccountPlan.Strategies), "Strategies", "How we will reach the objectives."),
        new(nameof(AccountPlan.ResourcePeople), "Resources: people", "Who works on the account and how much."),
        new(nameof(AccountPlan.Risks), "Risks", "What could stop the plan, and what we do about it."),
        new(nameof(AccountPlan.Whitespace), "Whitespace and opportunities", "Products, divisions and regions they do not buy from us yet."),
    ];
}
