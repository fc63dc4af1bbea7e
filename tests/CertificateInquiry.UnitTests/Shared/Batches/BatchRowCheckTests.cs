using CertificateInquiry.Web.Features.Shared.Batches;

namespace CertificateInquiry.UnitTests.Shared.Batches;

public class BatchRowCheckTests
{
    private const string Code = "0012345679";

    private static BatchInputRow Row(
        string rowId = "a1", string nationalCode = Code, string certificateNumber = "TV-1402-000123",
        string firstName = "", string lastName = "", bool extra = false, int number = 1) =>
        new(number, rowId, nationalCode, certificateNumber, firstName, lastName, extra);

    private static string? ReasonOf(BatchInputRow row, bool certificateNumberOptional = false) =>
        new BatchRowCheck(certificateNumberOptional).Check(row).Reason;

    [Fact]
    public void Normalizes_persian_and_arabic_indic_digits_arabic_letters_spaces_and_case_as_the_forms_do()
    {
        var checkedRow = new BatchRowCheck(false).Check(
            Row(" a1 ", "۰۰۱۲۳۴۵۶۷۹", " tv-۱۴۰۲-٠٠٠١٢٣ ", " علي  ", "كريمي\u200C"));

        Assert.Equal(new CheckedBatchRow(1, "a1", Code, "TV-1402-000123", "علی", "کریمی", null), checkedRow);
        Assert.True(checkedRow.IsValid);
    }

    [Theory]
    [InlineData("0012345678")] // wrong check digit
    [InlineData("001234567")] // nine digits
    [InlineData("00123456790")] // eleven
    [InlineData("1111111111")] // ten equal digits
    [InlineData("00123X5679")]
    public void Refuses_a_wrong_national_code(string nationalCode) =>
        Assert.Equal(BatchRowReasons.InvalidNationalCode, ReasonOf(Row(nationalCode: nationalCode)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200C\u0000")]
    public void Says_the_national_code_is_missing_when_nothing_is_left_of_it(string nationalCode) =>
        Assert.Equal(BatchRowReasons.MissingNationalCode, ReasonOf(Row(nationalCode: nationalCode)));

    [Fact]
    public void Requires_the_certificate_number_unless_the_agency_may_inquire_by_person()
    {
        Assert.Equal(BatchRowReasons.MissingCertificateNumber, ReasonOf(Row(certificateNumber: " ")));
        Assert.Null(ReasonOf(Row(certificateNumber: " "), certificateNumberOptional: true));
    }

    [Theory]
    [InlineData("TV_1")]
    [InlineData("گواهی-۱")]
    [InlineData("=1+1")]
    [InlineData("123456789012345678901234567890123")] // 33 characters
    public void Refuses_a_certificate_number_the_forms_refuse(string number) =>
        Assert.Equal(BatchRowReasons.InvalidCertificateNumber, ReasonOf(Row(certificateNumber: number), certificateNumberOptional: true));

    [Theory]
    [InlineData("Ali", "")]
    [InlineData("", "=HYPERLINK(\"x\")")]
    [InlineData("علی۲", "")]
    [InlineData("", "<b>رضایی</b>")]
    [InlineData("-علی", "")]
    public void Refuses_a_name_that_is_not_persian_letters(string first, string last) =>
        Assert.Equal(BatchRowReasons.InvalidName, ReasonOf(Row(firstName: first, lastName: last)));

    [Fact]
    public void Accepts_names_left_out_and_compound_names()
    {
        Assert.Null(ReasonOf(Row(firstName: "", lastName: "")));
        Assert.Null(ReasonOf(Row(firstName: "محمد\u200Cرضا", lastName: "حسینی-تهرانی")));
    }

    [Fact]
    public void Refuses_a_missing_row_id()
    {
        var checkedRow = new BatchRowCheck(false).Check(Row(rowId: "  "));

        Assert.Equal(CheckedBatchRow.Invalid(1, "", BatchRowReasons.MissingRowId), checkedRow);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("a\nb")]
    [InlineData("a\u202Eb")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345")] // 65 characters
    public void Refuses_a_row_id_too_long_or_with_control_characters_and_does_not_echo_it(string rowId)
    {
        var checkedRow = new BatchRowCheck(false).Check(Row(rowId: rowId));

        Assert.Equal(BatchRowReasons.InvalidRowId, checkedRow.Reason);
        Assert.Equal(string.Empty, checkedRow.RowId);
    }

    [Fact]
    public void Keeps_a_row_id_that_looks_like_a_formula_for_the_writer_to_neutralize() =>
        Assert.Null(ReasonOf(Row(rowId: "=SUM(A1:A9)")));

    [Fact]
    public void Refuses_a_five_megabyte_value_as_too_long_before_anything_else()
    {
        var huge = new string('x', 5_000_000);

        Assert.Equal(BatchRowReasons.FieldTooLong, ReasonOf(Row(firstName: huge)));
        Assert.Equal(BatchRowReasons.FieldTooLong, ReasonOf(Row(rowId: huge, nationalCode: "")));
        Assert.Equal(CheckedBatchRow.Invalid(1, "a1", BatchRowReasons.FieldTooLong), new BatchRowCheck(false).Check(Row(nationalCode: huge)));
    }

    [Fact]
    public void Refuses_a_row_with_values_outside_the_columns() =>
        Assert.Equal(BatchRowReasons.WrongFieldCount, ReasonOf(Row(extra: true)));

    [Fact]
    public void A_later_row_asking_the_same_question_is_a_duplicate_whatever_its_digits_and_case()
    {
        var check = new BatchRowCheck(false);

        var first = check.Check(Row("a1", Code, "tv-1"));
        var again = check.Check(Row("a2", "۰۰۱۲۳۴۵۶۷۹", "TV-1", firstName: "علی", number: 2));
        var other = check.Check(Row("a3", Code, "TV-2", number: 3));

        Assert.Null(first.Reason);
        Assert.Equal(CheckedBatchRow.Invalid(2, "a2", BatchRowReasons.DuplicateRow), again);
        Assert.Null(other.Reason);
    }

    [Fact]
    public void A_national_code_asked_twice_without_a_number_is_a_duplicate_under_inquiry_person()
    {
        var check = new BatchRowCheck(true);

        Assert.Null(check.Check(Row("a1", Code, "")).Reason);
        Assert.Equal(BatchRowReasons.DuplicateRow, check.Check(Row("a2", Code, "", number: 2)).Reason);
        Assert.Null(check.Check(Row("a3", Code, "TV-1", number: 3)).Reason);
    }

    [Fact]
    public void An_invalid_row_does_not_make_a_later_valid_one_a_duplicate()
    {
        var check = new BatchRowCheck(false);

        Assert.Equal(BatchRowReasons.InvalidName, check.Check(Row("a1", firstName: "Ali")).Reason);
        Assert.Null(check.Check(Row("a2", number: 2)).Reason);
    }

    [Fact]
    public void A_repeated_row_id_is_invalid_even_on_an_otherwise_good_row()
    {
        var check = new BatchRowCheck(false);

        Assert.Equal(BatchRowReasons.InvalidName, check.Check(Row("a1", certificateNumber: "TV-1", firstName: "Ali")).Reason);
        Assert.Equal(CheckedBatchRow.Invalid(2, "a1", BatchRowReasons.DuplicateRowId), check.Check(Row(" a1", certificateNumber: "TV-2", number: 2)));
    }

    [Fact]
    public void Every_reason_code_is_listed_once_with_a_persian_description()
    {
        var codes = typeof(BatchRowReasons).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal);

        Assert.Equal(codes, BatchRowReasons.All.Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.All(BatchRowReasons.All, r => Assert.Matches("[\u0600-\u06FF]", r.Description));
    }
}
