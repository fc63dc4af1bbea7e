namespace CertificateInquiry.Web.Features.Admin;

/// <summary>One page of a long list: which rows to skip and take, and what the pager under the table draws.</summary>
public sealed record Paging(int Page, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public int Skip => (Page - 1) * PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    /// <summary>The page asked for, kept within 1 … the last page (an old link to page 9 of a list that shrank shows the last).</summary>
    public static Paging For(int? requestedPage, int pageSize, int totalCount)
    {
        var pageCount = Math.Max(1, (totalCount + pageSize - 1) / pageSize);
        return new Paging(Math.Clamp(requestedPage ?? 1, 1, pageCount), pageSize, totalCount);
    }
}

/// <summary>What _Pager.cshtml draws: <paramref name="PageUrl"/> gives the address of a page number (filters kept).</summary>
public sealed record Pager(Paging Paging, Func<int, string> PageUrl, string Label);

/// <summary>What _Breadcrumbs.cshtml draws: the links above the page's heading, the last item being the page itself.</summary>
public sealed record Breadcrumbs(IReadOnlyList<(string? Href, string Text)> Items)
{
    public static Breadcrumbs To(params (string? Href, string Text)[] items) =>
        new([("/admin", "میز کار"), .. items]);
}
