namespace CertificateInquiry.Web.Domain.Agencies;

/// <summary>The OAuth scope names of <see cref="AgencyScopes"/>, and the conversions between them.</summary>
public static class AgencyScopeNames
{
    public const string Verify = "inquiry.verify";
    public const string Person = "inquiry.person";
    public const string Batch = "batch";

    public static readonly IReadOnlyList<(AgencyScopes Scope, string Name)> All =
    [
        (AgencyScopes.Verify, Verify),
        (AgencyScopes.Person, Person),
        (AgencyScopes.Batch, Batch),
    ];

    public static IEnumerable<string> Names(AgencyScopes scopes) =>
        All.Where(entry => scopes.HasFlag(entry.Scope)).Select(entry => entry.Name);

    /// <summary>Reads names separated by spaces or commas; null when one of them is not a scope.</summary>
    public static AgencyScopes? Parse(string? names)
    {
        var scopes = AgencyScopes.None;
        foreach (var name in (names ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = All.FirstOrDefault(entry => string.Equals(entry.Name, name, StringComparison.Ordinal));
            if (match.Scope == AgencyScopes.None)
            {
                return null;
            }

            scopes |= match.Scope;
        }

        return scopes;
    }

    public static string Title(AgencyScopes scope) => scope switch
    {
        AgencyScopes.Verify => "تطبیق یک گواهینامه (کد ملی و شماره گواهینامه)",
        AgencyScopes.Person => "همه گواهینامه‌های یک کد ملی",
        AgencyScopes.Batch => "استعلام دسته‌ای (فایل)",
        _ => scope.ToString(),
    };
}
