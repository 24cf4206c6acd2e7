namespace Steward.Infrastructure.Http;

/// <summary>One page of a list, with the total so clients can page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    public static (int Page, int Size) Clamp(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));
}
