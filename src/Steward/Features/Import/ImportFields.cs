namespace Steward.Features.Import;

/// <summary>A field a file's column can be mapped to. Synonyms are header names seen in real exports.</summary>
public sealed record ImportField(string Key, string Label, bool Required, params string[] Synonyms);

/// <summary>What each kind of import can read, and how columns are suggested from header names.</summary>
public static class ImportFields
{
    public static IReadOnlyList<ImportField> For(ImportKind kind) => kind switch
    {
        ImportKind.Accounts => Accounts,
        ImportKind.Contacts => Contacts,
        ImportKind.Revenue => Revenue,
        ImportKind.Opportunities => Opportunities,
        _ => WonOpportunities,
    };

    private static readonly ImportField[] Accounts =
    [
        new("ExternalId", "External id", false, "Account ID", "Record ID", "Id", "Company ID", "Customer ID", "Kundennummer", "Kunden-Nr"),
        new("Name", "Name", true, "Account Name", "Company name", "Name", "Company", "Customer", "Firma", "Kunde", "Firmenname"),
        new("ParentExternalId", "Parent external id", false, "Parent Account ID", "Parent ID", "Parent Company ID"),
        new("ParentName", "Parent name", false, "Parent Company", "Parent Account", "Parent", "Muttergesellschaft"),
        new("Sector", "Sector", false, "Industry", "Sector", "Branche", "Vertical"),
        new("Country", "Country", false, "Billing Country", "Country/Region", "Country", "Land", "Shipping Country"),
        new("Region", "Region", false, "Region", "Sales Region", "Territory"),
        new("Website", "Website", false, "Website", "Company Domain Name", "Domain", "Web", "URL"),
        new("Employees", "Employees", false, "Employees", "Number of Employees", "Mitarbeiter", "Headcount"),
        new("AnnualRevenue", "Company annual revenue", false, "Annual Revenue", "Company Revenue", "Jahresumsatz"),
        new("Currency", "Currency", false, "Currency", "Account Currency", "Währung"),
        new("Owner", "Owner (name or email)", false, "Account Owner", "Company owner", "Owner", "Betreuer", "Key Account Manager"),
        new("Tier", "Tier", false, "Tier", "Account Tier", "Segment"),
        new("Status", "Status", false, "Type", "Lifecycle Stage", "Status", "Account Status"),
        new("CustomerSince", "Customer since", false, "Customer Since", "Created Date", "Create Date", "Kunde seit"),
        new("Notes", "Notes", false, "Description", "Notes", "Notizen", "Bemerkung"),
        new("EstimatedWallet", "Estimated wallet", false, "Wallet", "Estimated Wallet", "Wallet Size", "Spend"),
        new("StrategicFit", "Strategic fit (1–5)", false, "Strategic Fit", "Fit"),
        new("Replaceability", "Replaceability (1–5)", false, "Replaceability"),
    ];

    private static readonly ImportField[] Contacts =
    [
        new("ExternalId", "External id", false, "Contact ID", "Record ID", "Id"),
        new("AccountExternalId", "Account external id", false, "Account ID", "Company ID", "Associated Company ID"),
        new("AccountName", "Account name", false, "Account Name", "Company name", "Company", "Associated Company", "Kunde", "Firma"),
        new("FirstName", "First name", false, "First Name", "Firstname", "Given Name", "Vorname"),
        new("LastName", "Last name", false, "Last Name", "Lastname", "Surname", "Family Name", "Nachname"),
        new("FullName", "Full name (split into first and last)", false, "Full Name", "Name", "Contact Name", "Contact"),
        new("Title", "Job title", false, "Title", "Job Title", "Position", "Funktion"),
        new("Department", "Department", false, "Department", "Abteilung"),
        new("Email", "Email", false, "Email", "E-mail", "Email Address", "E-Mail-Adresse"),
        new("Phone", "Phone", false, "Phone", "Phone Number", "Mobile", "Telefon"),
    ];

    private static readonly ImportField[] Revenue =
    [
        new("AccountExternalId", "Account external id", false, "Account ID", "Customer ID", "Kundennummer"),
        new("AccountName", "Account name", false, "Account Name", "Account", "Customer", "Company", "Kunde", "Firma"),
        new("Period", "Month", true, "Month", "Period", "Date", "Monat", "Periode", "Datum", "Invoice Date"),
        new("Amount", "Amount", true, "Amount", "Revenue", "Net Revenue", "Umsatz", "Betrag", "Net Amount"),
        new("Product", "Product", false, "Product", "Product Line", "Service", "Produkt", "Leistung"),
        new("Margin", "Margin (%)", false, "Margin", "Margin %", "Gross Margin", "Marge", "Marge %"),
        new("Currency", "Currency", false, "Currency", "Währung", "Curr"),
    ];

    private static readonly ImportField[] WonOpportunities =
    [
        new("AccountExternalId", "Account external id", false, "Account ID", "Company ID"),
        new("AccountName", "Account name", false, "Account Name", "Account", "Company", "Associated Company"),
        new("Stage", "Stage (only won deals are imported)", true, "Stage", "Deal Stage", "Phase", "Status"),
        new("CloseDate", "Close date", true, "Close Date", "Closed Date", "Won Date", "Abschlussdatum"),
        new("Amount", "Amount", true, "Amount", "Deal Amount", "Value", "Betrag"),
        new("Product", "Product", false, "Product", "Product Line", "Produkt"),
        new("Currency", "Currency", false, "Currency", "Deal Currency", "Währung"),
    ];

    private static readonly ImportField[] Opportunities =
    [
        new("AccountExternalId", "Account external id", false, "Account ID", "Company ID", "Associated Company ID"),
        new("AccountName", "Account name", false, "Account Name", "Account", "Company", "Associated Company", "Kunde"),
        new("Name", "Deal name", true, "Opportunity Name", "Deal Name", "Name", "Opportunity", "Deal", "Titel"),
        new("Type", "Type", false, "Type", "Opportunity Type", "Deal Type", "Typ"),
        new("Stage", "Stage", true, "Stage", "Deal Stage", "Phase", "Status"),
        new("Amount", "Amount", true, "Amount", "Deal Amount", "Value", "Betrag"),
        new("Currency", "Currency", false, "Currency", "Deal Currency", "Währung"),
        new("Probability", "Probability (%)", false, "Probability", "Probability (%)", "Wahrscheinlichkeit"),
        new("CloseDate", "Close date", true, "Close Date", "Expected Close Date", "Closed Date", "Abschlussdatum"),
        new("Owner", "Owner (name or email)", false, "Opportunity Owner", "Deal Owner", "Owner", "Verantwortlich"),
        new("LostReason", "Lost reason", false, "Lost Reason", "Closed Lost Reason", "Verlustgrund"),
        new("Description", "Description", false, "Description", "Notes", "Beschreibung"),
    ];

    /// <summary>For each field, the index of the column whose header best matches it (exact synonym first, then contains).</summary>
    public static Dictionary<string, int> Suggest(ImportKind kind, IReadOnlyList<string> headers)
    {
        var normalized = headers.Select(Normalize).ToArray();
        var taken = new HashSet<int>();
        var mapping = new Dictionary<string, int>();
        foreach (var exact in new[] { true, false })
        {
            foreach (var field in For(kind))
            {
                if (mapping.ContainsKey(field.Key)) continue;
                foreach (var synonym in field.Synonyms.Select(Normalize))
                {
                    var index = Array.FindIndex(normalized, h => exact ? h == synonym : h.Length > 2 && (h.Contains(synonym, StringComparison.Ordinal) || synonym.Contains(h, StringComparison.Ordinal)));
                    if (index >= 0 && taken.Add(index))
                    {
                        mapping[field.Key] = index;
                        break;
                    }
                }
            }
        }
        return mapping;
    }

    /// <summary>"Billing Country" and "billing_country" and "BillingCountry" compare equal.</summary>
    public static string Normalize(string header) => new([.. header.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
}
