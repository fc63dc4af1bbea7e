namespace CertificateInquiry.Web.Features.Requests.Form;

/// <summary>
/// A radio choice as the form sends it: exactly one of the enum's names. Not <c>Enum.TryParse</c>, which also takes
/// "1", "5" or "Holder, Organization" and so would let a post pick the organisation without the rules that go with it.
/// </summary>
internal static class Choice
{
    public static bool Is<TEnum>(string? value)
        where TEnum : struct, Enum =>
        value is not null && Enum.GetNames<TEnum>().Contains(value, StringComparer.Ordinal);
}
