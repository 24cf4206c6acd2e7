namespace Steward.Features.Import;

public sealed class ImportOptions
{
    /// <summary>Where uploads are kept until their import is done; relative paths are under the app folder. Several app nodes need a shared folder.</summary>
    public string Directory { get; set; } = "App_Data/imports";
    /// <summary>Largest upload accepted, in bytes (a million revenue rows is about 50 MB).</summary>
    public long MaxFileBytes { get; set; } = 1L << 30;
    /// <summary>Rows per transaction for revenue and won deals (merged in bulk, so large batches are cheap).</summary>
    public int RevenueBatchSize { get; set; } = 20_000;
    /// <summary>Rows per transaction for accounts and contacts (matched one by one against existing records).</summary>
    public int RecordBatchSize { get; set; } = 500;
    /// <summary>A running job whose worker has been silent this long is taken over (the worker died).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(2);
}
