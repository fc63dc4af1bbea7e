using System.Globalization;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Agencies;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Admin.Agencies;

/// <summary>
/// The form that registers an agency or changes one (then <see cref="Version"/> is the version the form was drawn
/// from: a change saved meanwhile in another tab is not overwritten).
/// </summary>
public sealed class AgencyInput
{
    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    /// <summary>The ticked scopes' names (<c>inquiry.verify</c>…).</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>As typed, in any digit script.</summary>
    public string? DailyRowQuota { get; set; }

    /// <summary>The last day the credentials work, Jalali as typed; empty for no end.</summary>
    public string? ExpiresOn { get; set; }

    public Guid? Version { get; set; }

    public static AgencyInput From(AgencySummary agency) => new()
    {
        Name = agency.Name,
        Kind = agency.Kind.ToString(),
        ContactName = agency.ContactName,
        ContactEmail = agency.ContactEmail,
        ContactPhone = agency.ContactPhone,
        Scopes = [.. AgencyScopeNames.Names(agency.Scopes)],
        DailyRowQuota = agency.DailyRowQuota.ToString(CultureInfo.InvariantCulture),
        ExpiresOn = agency.ExpiresOn is { } day ? JalaliDate.Format(day) : null,
        Version = agency.Version,
    };

    public void Normalize()
    {
        Name = PersianText.Normalize(Name);
        Kind = Kind?.Trim();
        ContactName = PersianText.Normalize(ContactName);
        ContactEmail = PersianText.NormalizeDigits(ContactEmail).Trim();
        ContactPhone = new string([.. PersianText.NormalizeDigits(ContactPhone).Where(c => !char.IsWhiteSpace(c) && c != '-')]);
        Scopes = [.. (Scopes ?? []).Where(scope => scope is not null).Select(scope => scope.Trim()).Distinct(StringComparer.Ordinal)];
        DailyRowQuota = new string([.. PersianText.NormalizeDigits(DailyRowQuota).Where(c => !char.IsWhiteSpace(c) && c is not (',' or '٬' or '،'))]);
        ExpiresOn = PersianText.NormalizeCode(ExpiresOn);
    }

    public AgencyKind? ParsedKind() =>
        Kind is { Length: > 0 } text && text.All(char.IsAsciiLetter) && Enum.TryParse<AgencyKind>(text, ignoreCase: true, out var kind) ? kind : null;

    /// <summary>The ticked scopes; null when one of them is not a scope.</summary>
    public AgencyScopes? ParsedScopes() => AgencyScopeNames.Parse(string.Join(' ', Scopes));

    public int? ParsedQuota() =>
        int.TryParse(DailyRowQuota, NumberStyles.None, CultureInfo.InvariantCulture, out var rows) && rows is >= 1 and <= AgencyRules.MaxDailyRowQuota
            ? rows
            : null;

    public DateOnly? ParsedExpiry() => JalaliDate.TryParse(ExpiresOn, out var day) ? day : null;

    /// <summary>The agency this form describes; only after validation.</summary>
    public NewAgency ToAgency() => new(
        Name!, ParsedKind()!.Value, ParsedScopes()!.Value, ParsedQuota()!.Value, ParsedExpiry(),
        ContactName ?? "", ContactEmail ?? "", ContactPhone ?? "");
}
