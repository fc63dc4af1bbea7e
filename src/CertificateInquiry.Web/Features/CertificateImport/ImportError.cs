using System.Globalization;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.CertificateImport;

/// <summary>One problem in an import file, in Persian and English, at a line and (where it applies) a column.</summary>
public sealed record ImportError(int Line, string? Column, string Persian, string English)
{
    public override string ToString()
    {
        var persianPlace = Column is null
            ? $"سطر {PersianText.ToPersianDigits(Line)}"
            : $"سطر {PersianText.ToPersianDigits(Line)}، ستون {Column}";
        var englishPlace = Column is null
            ? string.Create(CultureInfo.InvariantCulture, $"line {Line}")
            : string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column}");
        return $"{persianPlace}: {Persian} | {englishPlace}: {English}";
    }
}
