using CertificateInquiry.Web.Features.Shared.Inquiry;

namespace CertificateInquiry.Web.Features.Holders;

/// <summary>Who the signed-in holder is, as the area's pages greet them: the name on their records, if any, and the identifier masked.</summary>
public sealed record HolderIdentity(string? Name, string IdentifierTitle, string IdentifierMasked)
{
    public static HolderIdentity Of(string identifier, CertificateRecord? anyRecord) => new(
        anyRecord is null ? null : anyRecord.FirstName + " " + anyRecord.LastName,
        identifier.Length == 12 ? "کد یکتای اتباع" : "کد ملی",
        CertificateDisclosure.MaskNationalCode(identifier));
}
