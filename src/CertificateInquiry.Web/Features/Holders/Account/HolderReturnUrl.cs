namespace CertificateInquiry.Web.Features.Holders.Account;

/// <summary>
/// Where a holder goes after signing in or out: only a local address inside the holders' area (their cookie is sent
/// nowhere else); anything else, an absolute address, <c>//host</c>, <c>/\host</c>, a control character, gives
/// <see cref="HolderDefaults.Path"/>.
/// </summary>
public static class HolderReturnUrl
{
    public static string Safe(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2000 || returnUrl[0] != '/'
            || returnUrl.Length > 1 && (returnUrl[1] is '/' or '\\')
            || returnUrl.Any(c => char.IsControl(c) || c == '\\')
            || returnUrl.Contains("..", StringComparison.Ordinal) || returnUrl.Contains("%2e", StringComparison.OrdinalIgnoreCase)
            || returnUrl.Contains("%5c", StringComparison.OrdinalIgnoreCase) || returnUrl.Contains("%2f", StringComparison.OrdinalIgnoreCase))
        {
            return HolderDefaults.Path;
        }

        var path = returnUrl.Split('?', '#')[0];
        return path.Equals(HolderDefaults.Path, StringComparison.OrdinalIgnoreCase) || path.StartsWith(HolderDefaults.Path + "/", StringComparison.OrdinalIgnoreCase)
            ? returnUrl
            : HolderDefaults.Path;
    }
}
