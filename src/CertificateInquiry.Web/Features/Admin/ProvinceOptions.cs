using System.Globalization;
using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.Web.Features.Admin;

/// <summary>
/// The 31 provinces as the administration pages offer them: ids are fixed (seeded by migration from
/// <see cref="Province.AllNames"/>, in that order), so no query is needed; lists are sorted in Persian order.
/// </summary>
public static class ProvinceOptions
{
    private static readonly CompareInfo PersianCollation = CultureInfo.GetCultureInfo("fa-IR").CompareInfo;

    /// <summary>(id, name) of every province, in Persian alphabetical order, for a select.</summary>
    public static IReadOnlyList<(string Value, string Text)> All { get; } =
        [.. Province.AllNames
            .Select((name, index) => (Value: (index + 1).ToString(CultureInfo.InvariantCulture), Text: name))
            .OrderBy(option => option.Text, StringComparer.Create(CultureInfo.GetCultureInfo("fa-IR"), ignoreCase: false))];

    /// <summary>The province's Persian name, or null for no province (or an id that names none).</summary>
    public static string? NameOf(int? provinceId) =>
        provinceId is >= 1 && provinceId <= Province.AllNames.Count ? Province.AllNames[provinceId.Value - 1] : null;

    /// <summary>Compares Persian text as a Persian reader expects (پ after ب, not after ی as code points would put it).</summary>
    public static int ComparePersian(string? left, string? right) => PersianCollation.Compare(left, right, CompareOptions.None);
}
