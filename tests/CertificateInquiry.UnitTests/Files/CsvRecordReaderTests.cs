using System.Text;
using CertificateInquiry.Web.Infrastructure.Files;

namespace CertificateInquiry.UnitTests.Files;

public class CsvRecordReaderTests
{
    private static List<(int Line, string[] Fields)> ReadAll(string text, Encoding? encoding = null)
    {
        using var reader = new CsvRecordReader(new MemoryStream((encoding ?? Encoding.UTF8).GetBytes(text)));
        var records = new List<(int, string[])>();
        while (reader.Read() is { } fields)
        {
            records.Add((reader.RecordLine, fields.ToArray()));
        }

        return records;
    }

    [Fact]
    public void Reads_plain_and_quoted_fields_with_their_line_numbers()
    {
        var records = ReadAll("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\n\nlast,,z");
        Assert.Equal(3, records.Count);
        Assert.Equal([1, 2, 4], records.Select(r => r.Line));
        Assert.Equal(["a", "b", "c"], records[0].Fields);
        Assert.Equal(["x, y", "say \"hi\"", ""], records[1].Fields);
        Assert.Equal(["last", "", "z"], records[2].Fields);
    }

    [Fact]
    public void A_quoted_field_may_hold_a_line_break_and_later_lines_keep_their_numbers()
    {
        var records = ReadAll("h1,h2\n\"two\nlines\",x\nnext,y\n");
        Assert.Equal(new[] { "two\nlines", "x" }, records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(4, records[2].Line);
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_field()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("certificate_number,kind")).ToArray();
        using var reader = new CsvRecordReader(new MemoryStream(bytes));
        Assert.Equal("certificate_number", reader.Read()![0]);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_refused()
    {
        var windows1256Bytes = new byte[] { 0x61, 0x2C, 0xE1, 0xC7, 0xE3, 0x0A }; // "a," then Persian in a legacy code page
        using var reader = new CsvRecordReader(new MemoryStream(windows1256Bytes));
        Assert.Throws<DecoderFallbackException>(() => reader.Read());
    }
}
