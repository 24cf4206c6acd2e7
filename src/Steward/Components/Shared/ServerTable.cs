using MudBlazor;
using Steward.Infrastructure.Http;

namespace Steward.Components.Shared;

/// <summary>Glue between MudTable's server-side paging and the services' <see cref="Page{T}"/>.</summary>
public static class ServerTable
{
    /// <summary>The service's sort string ("name", "-revenue") for the table's current sort label.</summary>
    public static string? Sort(TableState state) =>
        state.SortLabel is null ? null : (state.SortDirection == SortDirection.Descending ? "-" : "") + state.SortLabel;

    /// <summary>
    /// Loads one page. A load cancelled because the user typed again or navigated away is not an
    /// error: it must not take the circuit down, so it yields an empty page nobody will see.
    /// </summary>
    public static async Task<TableData<T>> LoadAsync<T>(Func<Task<Page<T>>> load, CancellationToken ct)
    {
        try
        {
            var page = await load();
            return new TableData<T> { Items = page.Items, TotalItems = page.Total };
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new TableData<T> { Items = [], TotalItems = 0 };
        }
    }
}
