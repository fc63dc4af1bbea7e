using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.CertificateImport;

namespace CertificateInquiry.UnitTests.CertificateImport;

public class CertificateRowParserTests
{
    private static readonly Dictionary<string, int> Provinces =
        Province.AllNames.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index + 1);

    private static readonly DateOnly Today = new(2026, 11, 24);

    private static readonly string[] ValidLicense =
    [
        "1402-04-000102", "license", "1270123459", "علی", "رضایی", "محمود", "1365/11/02", "male", "7411-20-002",
        "برق‌کار ساختمان درجه ۲", "360", "1402/02/11", "1402/03/01", "1407/03/01", "اصفهان", "مرکز شماره ۲ اصفهان",
        "valid", "tvto",
    ];

    private static (CertificateImportRow? Row, List<ImportError> Errors) Parse(params (string Column, string Value)[] changes)
    {
        var fields = ValidLicense.ToArray();
        foreach (var (column, value) in changes)
        {
            fields[Array.IndexOf(CertificateRowParser.Header, column)] = value;
        }

        var errors = new List<ImportError>();
        var row = new CertificateRowParser(Provinces, Today).Parse(7, fields, errors);
        return (row, errors);
    }

    [Fact]
    public void A_valid_row_becomes_a_typed_row()
    {
        var (row, errors) = Parse();
        Assert.Empty(errors);
        Assert.NotNull(row);
        Assert.Equal(CertificateKind.License, row.Kind);
        Assert.Equal(4, row.ProvinceId);
        Assert.Equal(360, row.StandardHours);
        Assert.Equal(new DateOnly(2023, 5, 22), row.IssueDate);
        Assert.Equal(new DateOnly(2028, 5, 21), row.ExpiryDate);
    }

    [Fact]
    public void Text_in_any_digit_script_and_arabic_letters_is_normalized()
    {
        var (row, errors) = Parse(
            ("national_code", "۱۲۷۰۱۲۳۴۵۹"),
            ("first_name", " علي "),
            ("province", "استان اصفهان"),
            ("certificate_number", "۱۴۰۲-۰۴-۰۰۰۱۰۲"),
            ("issue_date", "۱۴۰۲/۳/۱"),
            ("kind", "LICENSE"));
        Assert.Empty(errors);
        Assert.Equal("1270123459", row!.NationalCode);
        Assert.Equal("علی", row.FirstName);
        Assert.Equal("1402-04-000102", row.Number);
        Assert.Equal(4, row.ProvinceId);
    }

    [Theory]
    [InlineData("national_code", "1270123458")]
    [InlineData("national_code", "")]
    [InlineData("province", "تهرانستان")]
    [InlineData("birth_date", "1365/13/02")]
    [InlineData("exam_date", "not a date")]
    [InlineData("kind", "diploma")]
    [InlineData("gender", "m")]
    [InlineData("status", "expired")]
    [InlineData("program", "army")]
    [InlineData("standard_hours", "0")]
    [InlineData("standard_hours", "سیصد")]
    [InlineData("certificate_number", "۱۴۰۲ الف ۱۲")]
    [InlineData("first_name", "")]
    [InlineData("last_name", "رضایی2")]
    [InlineData("expiry_date", "")] // a license must expire
    public void A_bad_value_is_reported_at_its_line_and_column(string column, string value)
    {
        var (row, errors) = Parse((column, value));
        Assert.Null(row);
        var error = Assert.Single(errors);
        Assert.Equal(7, error.Line);
        Assert.Equal(column, error.Column);
        Assert.NotEmpty(error.Persian);
        Assert.NotEmpty(error.English);
    }

    [Fact]
    public void A_certificate_must_not_have_an_expiry_date()
    {
        var (_, errors) = Parse(("kind", "certificate"));
        Assert.Equal("expiry_date", Assert.Single(errors).Column);
    }

    [Fact]
    public void Dates_must_come_in_order_and_not_in_the_future()
    {
        Assert.Equal("issue_date", Assert.Single(Parse(("issue_date", "1402/01/01")).Errors).Column);
        Assert.Equal("exam_date", Assert.Single(Parse(("birth_date", "1402/03/01")).Errors).Column);
        Assert.Equal("expiry_date", Assert.Single(Parse(("expiry_date", "1402/03/01")).Errors).Column);
        Assert.Contains(Parse(("issue_date", "1406/01/01"), ("expiry_date", "1410/01/01")).Errors,
            e => e.Column == "issue_date" && e.English.Contains("future", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_bad_field_of_a_row_is_reported_not_only_the_first()
    {
        var (_, errors) = Parse(("national_code", "123"), ("gender", "x"), ("province", "?"));
        Assert.Equal(["national_code", "gender", "province"], errors.Select(e => e.Column));
    }

    [Fact]
    public void Date_order_is_checked_even_when_another_field_of_the_row_is_bad()
    {
        var (row, errors) = Parse(("gender", "x"), ("issue_date", "1406/01/01"), ("expiry_date", "1410/01/01"), ("first_name", "علی2"));

        Assert.Null(row);
        Assert.Equal(["first_name", "gender", "issue_date"], errors.Select(e => e.Column));
    }

    [Theory]
    [InlineData("first_name", "<b>علی</b>")]
    [InlineData("last_name", "=HYPERLINK(\"http://evil.example\")")]
    [InlineData("father_name", "+محمود")]
    [InlineData("first_name", "@علی")]
    [InlineData("last_name", "-رضایی")]
    [InlineData("first_name", "Ali")]
    [InlineData("last_name", "رضایی؛")]
    public void A_name_with_characters_a_persian_name_cannot_hold_is_refused(string column, string value)
    {
        var (row, errors) = Parse((column, value));

        Assert.Null(row);
        var error = Assert.Single(errors);
        Assert.Equal(column, error.Column);
        Assert.Contains("حروف فارسی", error.Persian, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("first_name", "محمد\u200Cرضا")]
    [InlineData("last_name", "ابن‌علی")]
    [InlineData("last_name", "حسینی-تهرانی")]
    [InlineData("first_name", "سیدمحمد")]
    public void Names_persians_really_have_are_accepted(string column, string value)
    {
        var (row, errors) = Parse((column, value));

        Assert.Empty(errors);
        Assert.NotNull(row);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_one_error()
    {
        var errors = new List<ImportError>();
        var row = new CertificateRowParser(Provinces, Today).Parse(3, ["a", "b"], errors);
        Assert.Null(row);
        Assert.Null(Assert.Single(errors).Column);
    }

    [Fact]
    public void Errors_read_in_persian_and_english_with_line_and_column()
    {
        var error = Assert.Single(Parse(("national_code", "1270123458")).Errors);
        var text = error.ToString();
        Assert.StartsWith("سطر ۷، ستون national_code:", text, StringComparison.Ordinal);
        Assert.Contains("| line 7, column national_code:", text, StringComparison.Ordinal);
    }

    private static (CertificateImportRow? Row, List<ImportError> Errors) ParseForeign(string nationalCode, string foreignId, string nationality)
    {
        var fields = ValidLicense.ToArray();
        fields[Array.IndexOf(CertificateRowParser.Header, "national_code")] = nationalCode;
        var errors = new List<ImportError>();
        var parser = new CertificateRowParser(Provinces, Today) { HasForeignColumns = true };
        var row = parser.Parse(9, [.. fields, foreignId, nationality], errors);
        return (row, errors);
    }

    [Fact]
    public void A_foreign_row_reads_the_identifier_and_the_nationality()
    {
        var (row, errors) = ParseForeign("", " ۵۰۰۱۲۳۴۵۶۷۸۱ ", "af");

        Assert.Empty(errors);
        Assert.Equal(("500123456781", "AF"), (row!.NationalCode, row.Nationality));
    }

    [Fact]
    public void An_iranian_row_in_a_file_with_the_foreign_columns_has_no_nationality()
    {
        var (row, errors) = ParseForeign("1270123459", "", "");

        Assert.Empty(errors);
        Assert.Equal(("1270123459", (string?)null), (row!.NationalCode, row.Nationality));
    }

    [Theory]
    [InlineData("1270123459", "500123456781", "AF", "foreign_national_id")]
    [InlineData("", "", "", "national_code")]
    [InlineData("", "500123456781", "", "nationality")]
    [InlineData("", "500123456781", "AFG", "nationality")]
    [InlineData("", "500123456781", "IR", "nationality")]
    [InlineData("", "444444444444", "AF", "foreign_national_id")]
    [InlineData("", "50012345678", "AF", "foreign_national_id")]
    [InlineData("00765432180", "", "", "national_code")]
    [InlineData("500123456781", "", "", "national_code")]
    [InlineData("1270123459", "", "PK", "nationality")]
    public void A_bad_identity_is_one_persian_error_on_its_column(string nationalCode, string foreignId, string nationality, string column)
    {
        var (row, errors) = ParseForeign(nationalCode, foreignId, nationality);

        Assert.Null(row);
        var error = Assert.Single(errors);
        Assert.Equal(column, error.Column);
        Assert.Matches("[\u0600-\u06FF]", error.Persian);
    }

    [Fact]
    public void A_row_of_eighteen_fields_in_a_file_with_the_foreign_columns_is_refused()
    {
        var errors = new List<ImportError>();
        var row = new CertificateRowParser(Provinces, Today) { HasForeignColumns = true }.Parse(3, ValidLicense, errors);

        Assert.Null(row);
        Assert.Contains("۲۰ ستون", Assert.Single(errors).Persian, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "certificate_number,kind,national_code,first_name,last_name,father_name,birth_date,gender,standard_code,standard_title,standard_hours,exam_date,issue_date,expiry_date,province,training_center,status,program")]
    [InlineData(true, "certificate_number,kind,national_code,first_name,last_name,father_name,birth_date,gender,standard_code,standard_title,standard_hours,exam_date,issue_date,expiry_date,province,training_center,status,program,foreign_national_id,nationality")]
    [InlineData(null, "certificate_number,kind,national_code,first_name,last_name,father_name,birth_date,gender,standard_code,standard_title,standard_hours,exam_date,issue_date,expiry_date,province,training_center,status,program,nationality,foreign_national_id")]
    [InlineData(null, "certificate_number,kind,national_code,first_name,last_name,father_name,birth_date,gender,standard_code,standard_title,standard_hours,exam_date,issue_date,expiry_date,province,training_center,status,program,foreign_national_id")]
    public void The_header_tells_the_layout(bool? foreign, string header) =>
        Assert.Equal(foreign, CertificateRowParser.ForeignColumnsIn(header.Split(',')));
}
