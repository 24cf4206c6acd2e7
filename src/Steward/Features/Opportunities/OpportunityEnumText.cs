namespace Steward.Features.Opportunities;

public static class OpportunityEnumText
{
    public static string Label(this OpportunityType type) => type switch
    {
        OpportunityType.CrossSell => "Cross-sell",
        OpportunityType.NewProduct => "New product",
        OpportunityType.Rfp => "RFP",
        OpportunityType.ProForma => "Pro-forma",
        _ => type.ToString(),
    };

    public static string Label(this ForecastCategory category) => category switch
    {
        ForecastCategory.BestCase => "Best case",
        _ => category.ToString(),
    };

    public static string Label(this OpportunitySource source) => source switch
    {
        OpportunitySource.Qbr => "QBR",
        OpportunitySource.CustomerRequest => "Customer request",
        OpportunitySource.Contract => "Contract renewal",
        _ => source.ToString(),
    };
}
