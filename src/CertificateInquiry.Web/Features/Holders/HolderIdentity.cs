using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Holders;

/// <summary>Who the signed-in holder is, as the area's pages greet them: the name on their records, if any, and the identifier masked.</summary>
public sealed record HolderIdentity(string? Name, string IdentifierTitle, string IdentifierMasked)
{
    public static HolderIdentity Of(string identifier, CertificateRecord? anyRecord) => new(
        anyRecord is null ? null : anyRecord.FirstName + " " + anyRecord.LastName,
        HolderIdentifier.Label(identifier),
        HolderIdentifier.Mask(identifier));
}
