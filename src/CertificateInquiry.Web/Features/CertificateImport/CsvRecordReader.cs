using System.Text;

namespace CertificateInquiry.Web.Features.CertificateImport;

/// <summary>
/// Reads RFC 4180 records (quoted fields, doubled quotes, line breaks inside quotes) from strict UTF-8.
/// Each record carries the line number it starts on, for error messages.
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    private readonly StreamReader reader;
    private readonly List<string> fields = new(24);
    private readonly StringBuilder field = new(64);
    private int nextLine = 1;

    public CsvRecordReader(Stream stream)
    {
        // Invalid UTF-8 throws instead of turning into U+FFFD, so a file in another encoding is refused, not garbled.
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
    }

    /// <summary>The line the last record returned starts on (1-based).</summary>
    public int RecordLine { get; private set; }

    /// <summary>The line being read when <see cref="System.Text.DecoderFallbackException"/> was thrown.</summary>
    public int CurrentLine => nextLine;

    /// <summary>Reads the next record, or null at the end. Blank lines are skipped.</summary>
    public IReadOnlyList<string>? Read()
    {
        while (true)
        {
            var line = reader.ReadLine();
            if (line is null)
            {
                return null;
            }

            RecordLine = nextLine++;
            if (RecordLine == 1 && line.Length > 0 && line[0] == '\uFEFF')
            {
                line = line[1..];
            }

            if (line.Length == 0)
            {
                continue;
            }

            ParseRecord(line);
            return fields;
        }
    }

    private void ParseRecord(string line)
    {
        fields.Clear();
        field.Clear();
        var inQuotes = false;
        var position = 0;
        while (true)
        {
            if (position >= line.Length)
            {
                if (!inQuotes)
                {
                    break;
                }

                // A quoted field goes on over the line break.
                var next = reader.ReadLine();
                if (next is null)
                {
                    break;
                }

                nextLine++;
                field.Append('\n');
                line = next;
                position = 0;
                continue;
            }

            var c = line[position++];
            if (inQuotes)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (position < line.Length && line[position] == '"')
                {
                    field.Append('"');
                    position++;
                }
                else
                {
                    inQuotes = false;
                }
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '"' && field.Length == 0)
            {
                inQuotes = true;
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
    }

    public void Dispose() => reader.Dispose();
}
