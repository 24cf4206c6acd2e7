namespace Steward.Features.Cases;

public static class CaseEnumText
{
    public static string Label(this CaseCategory category) => category switch
    {
        CaseCategory.LatePayment => "Late payment",
        CaseCategory.ProductDefect => "Product defect",
        CaseCategory.DeliveryDelay => "Delivery delay",
        CaseCategory.BillingDiscrepancy => "Billing discrepancy",
        _ => category.ToString(),
    };

    public static string Label(this CaseStatus status) => status switch
    {
        CaseStatus.InProgress => "In progress",
        CaseStatus.WaitingOnCustomer => "Waiting on customer",
        _ => status.ToString(),
    };

    public static string Label(this EscalationLevel level) => level switch
    {
        EscalationLevel.AccountManager => "Account manager",
        EscalationLevel.ExecutiveSponsor => "Executive sponsor",
        _ => level.ToString(),
    };
}
