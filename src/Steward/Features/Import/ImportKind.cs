namespace Steward.Features.Import;

public enum ImportKind
{
    Accounts,
    Contacts,
    Revenue,
    /// <summary>Deals from a CRM: the won ones become revenue lines in the month they closed.</summary>
    WonOpportunities,
    /// <summary>Deals from a CRM into the pipeline: open, won and lost, with their stages.</summary>
    Opportunities,
}

public enum ImportStatus
{
    /// <summary>Uploaded; the columns still need mapping.</summary>
    Uploaded,
    /// <summary>Mapped and waiting for a worker.</summary>
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
}

public enum ImportProblemSeverity
{
    /// <summary>The row was rejected; nothing of it was written.</summary>
    Error,
    /// <summary>The row was imported, but something was assumed (an unknown owner, a corrected sector).</summary>
    Warning,
}
