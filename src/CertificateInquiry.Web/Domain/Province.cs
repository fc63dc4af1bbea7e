namespace CertificateInquiry.Web.Domain;

/// <summary>One of Iran's 31 provinces; each has a general directorate (اداره کل) that answers its requests.</summary>
public class Province
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The 31 provinces in the order the brief lists them; their ids are fixed (seeded by migration).</summary>
    public static readonly IReadOnlyList<string> AllNames =
    [
        "آذربایجان شرقی", "آذربایجان غربی", "اردبیل", "اصفهان", "البرز", "ایلام", "بوشهر", "تهران",
        "چهارمحال و بختیاری", "خراسان جنوبی", "خراسان رضوی", "خراسان شمالی", "خوزستان", "زنجان", "سمنان",
        "سیستان و بلوچستان", "فارس", "قزوین", "قم", "کردستان", "کرمان", "کرمانشاه", "کهگیلویه و بویراحمد", "گلستان",
        "گیلان", "لرستان", "مازندران", "مرکزی", "هرمزگان", "همدان", "یزد",
    ];
}
