namespace CertificateInquiry.Web.Features.Shared;

/// <summary>
/// One page of a long list: which page is shown, which rows to skip and take, and which page numbers the pager links
/// to. Every paged list (the request queue, the audit trail, the admin lists) reads its page through
/// <see cref="For(string?, int, int)"/>, so a page value from an address bar never throws: junk gives the first
/// page, a number past the end the last (an old link to page 9 of a list that shrank), 0 and below the first.
/// </summary>
public sealed record Paging
{
    private Paging()
    {
    }

    public int Page { get; private init; }

    public int PageSize { get; private init; }

    public int TotalCount { get; private init; }

    public int PageCount => CountPages(TotalCount, PageSize);

    public int Skip => (Page - 1) * PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    /// <summary>The page asked for (a number, or null for none), kept within 1 … the last page.</summary>
    public static Paging For(int? requestedPage, int pageSize, int totalCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        ArgumentOutOfRangeException.ThrowIfNegative(totalCount);
        return new Paging { Page = Math.Clamp(requestedPage ?? 1, 1, CountPages(totalCount, pageSize)), PageSize = pageSize, TotalCount = totalCount };
    }

    /// <summary>The page as it came in the query string (see <see cref="ParsePage"/>), kept within the list.</summary>
    public static Paging For(string? requestedPage, int pageSize, int totalCount) =>
        For(ParsePage(requestedPage), pageSize, totalCount);

    /// <summary>
    /// A page number as typed in an address: digits (Latin, Persian or Arabic-Indic) with spaces around them; a number
    /// too large for an <see cref="int"/> reads as the largest (so it lands on the last page); anything else, a sign
    /// included, is null (the first page).
    /// </summary>
    public static int? ParsePage(string? text)
    {
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return null;
        }

        long value = 0;
        foreach (var c in span)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= '\u06F0' and <= '\u06F9' => c - '\u06F0',
                >= '\u0660' and <= '\u0669' => c - '\u0660',
                _ => -1,
            };
            if (digit < 0)
            {
                return null;
            }

            value = Math.Min((value * 10) + digit, int.MaxValue);
        }

        return (int)value;
    }

    // An empty list still has one (empty) page.
    private static int CountPages(int totalCount, int pageSize) => Math.Max(1, (int)(((long)totalCount + pageSize - 1) / pageSize));

    /// <summary>
    /// The page numbers the pager shows, in order: the first, the pages within <paramref name="around"/> of this one,
    /// and the last; null where numbers are left out (drawn as «…»).
    /// </summary>
    public IReadOnlyList<int?> Numbers(int around = 3)
    {
        var numbers = new List<int?>();
        var from = Math.Max(1, Page - around);
        var to = Math.Min(PageCount, Page + around);
        if (from > 1)
        {
            numbers.Add(1);
            if (from > 2)
            {
                numbers.Add(null);
            }
        }

        for (var number = from; number <= to; number++)
        {
            numbers.Add(number);
        }

        if (to < PageCount)
        {
            if (to < PageCount - 1)
            {
                numbers.Add(null);
            }

            numbers.Add(PageCount);
        }

        return numbers;
    }
}

/// <summary>
/// What _Pager.cshtml draws: <paramref name="PageUrl"/> gives the address of a page number with the list's filters
/// kept; <paramref name="Label"/> names the navigation for screen readers («صفحه‌های فهرست کاربران»).
/// </summary>
public sealed record Pager(Paging Paging, Func<int, string> PageUrl, string Label);

/// <summary>Takes one page of rows: <c>rows.Page(paging)</c> is <c>Skip(paging.Skip).Take(paging.PageSize)</c>.</summary>
public static class PagingExtensions
{
    public static IQueryable<T> Page<T>(this IQueryable<T> rows, Paging paging)
    {
        ArgumentNullException.ThrowIfNull(paging);
        return rows.Skip(paging.Skip).Take(paging.PageSize);
    }

    public static IEnumerable<T> Page<T>(this IEnumerable<T> rows, Paging paging)
    {
        ArgumentNullException.ThrowIfNull(paging);
        return rows.Skip(paging.Skip).Take(paging.PageSize);
    }
}
