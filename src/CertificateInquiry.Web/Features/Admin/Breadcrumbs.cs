namespace CertificateInquiry.Web.Features.Admin;

/// <summary>What _Breadcrumbs.cshtml draws: the links above the page's heading, the last item being the page itself.</summary>
public sealed record Breadcrumbs(IReadOnlyList<(string? Href, string Text)> Items)
{
    public static Breadcrumbs To(params (string? Href, string Text)[] items) =>
        new([("/admin", "میز کار"), .. items]);
}
