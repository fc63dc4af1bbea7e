using CertificateInquiry.Web.Domain.Agencies;

namespace CertificateInquiry.Web.Features.Admin.Agencies;

/// <summary>The agency pages' words for kinds, states and scopes.</summary>
public static class AgencyTexts
{
    public static IReadOnlyList<(string Value, string Text)> KindOptions { get; } =
        [(nameof(AgencyKind.Government), Kind(AgencyKind.Government)), (nameof(AgencyKind.Business), Kind(AgencyKind.Business))];

    public static string Kind(AgencyKind kind) => kind switch
    {
        AgencyKind.Government => "دستگاه دولتی",
        AgencyKind.Business => "بنگاه یا نهاد غیردولتی",
        _ => kind.ToString(),
    };

    public static string State(AgencyState state) => state switch
    {
        AgencyState.Active => "فعال",
        AgencyState.Suspended => "تعلیق‌شده",
        AgencyState.Expired => "منقضی",
        _ => state.ToString(),
    };

    /// <summary>The scopes in Persian, separated by «، »; «هیچ» for none.</summary>
    public static string Scopes(AgencyScopes scopes) =>
        AgencyScopeNames.All.Where(entry => scopes.HasFlag(entry.Scope)).Select(entry => AgencyScopeNames.Title(entry.Scope)) is var titles && titles.Any()
            ? string.Join("، ", titles)
            : "هیچ";
}
