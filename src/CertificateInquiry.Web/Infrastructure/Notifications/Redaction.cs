namespace CertificateInquiry.Web.Infrastructure.Notifications;

/// <summary>
/// Mobile numbers and addresses shown only in part: the one home of these rules. A mobile number has two audiences,
/// so two rules: the applicant, shown their own number (receipt, code page), must recognise it and sees the last four
/// digits; a log line, read by whoever reads the logs, must reveal less and shows the last two, enough only to tell
/// two recipients apart, not to reach anyone.
/// </summary>
public static class Redaction
{
    /// <summary>09121234567 → 0912*****67 (anything of six characters or fewer → all stars), for logs.</summary>
    public static string MobileForLog(string mobile) =>
        mobile.Length <= 6 ? new string('*', mobile.Length) : string.Concat(mobile.AsSpan(0, 4), new string('*', mobile.Length - 6), mobile.AsSpan(mobile.Length - 2));

    /// <summary>09121234567 → 0912***4567, for the applicant's own eyes; null when there is no number worth showing.</summary>
    public static string? MobileForApplicant(string? mobile) =>
        mobile is { Length: > 8 } ? string.Concat(mobile.AsSpan(0, 4), "***", mobile.AsSpan(mobile.Length - 4)) : null;

    /// <summary>maryam.ahmadi@example.org → m***@example.org.</summary>
    public static string Email(string address)
    {
        var at = address.LastIndexOf('@');
        return at <= 0 ? "***" : string.Concat(address.AsSpan(0, 1), "***", address.AsSpan(at));
    }
}
