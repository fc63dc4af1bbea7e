using System.Text;

namespace CertificateInquiry.Web.Infrastructure.Files;

/// <summary>
/// Reads RFC 4180 records (quoted fields, doubled quotes, line breaks inside quotes) from strict UTF-8.
/// Each record carries the line number it starts on, for error messages. Used by the certificate import and the agency
/// batch files. The stream is disposed with the reader unless <paramref name="leaveOpen"/> is set.
/// </summary>
internal sealed class CsvRecordReader(Stream stream, bool leaveOpen = false) : IDisposable
{
    // Invalid UTF-8 throws instead of turning into U+FFFD, so a file in another encoding is refused, not garbled.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly List<string> fields = new(24);
    private readonly StringBuilder field = new(64);
    private byte[] buffer = new byte[1 << 16];
    private int bufferStart;
    private int bufferEnd;
    private bool endOfStream;
    private int nextLine = 1;

    /// <summary>The line the last record returned starts on (1-based).</summary>
    public int RecordLine { get; private set; }

    /// <summary>The line being read when <see cref="DecoderFallbackException"/> was thrown.</summary>
    public int CurrentLine => nextLine;

    /// <summary>Reads the next record, or null at the end. Blank lines are skipped.</summary>
    public IReadOnlyList<string>? Read()
    {
        while (true)
        {
            var line = ReadLine();
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
                var next = ReadLine();
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

    /// <summary>
    /// Splits the bytes into lines before decoding, so that a line that is not UTF-8 is known by its number
    /// (a decoding reader fails on the block it reads ahead, lines earlier).
    /// </summary>
    private string? ReadLine()
    {
        while (true)
        {
            var pending = buffer.AsSpan(bufferStart, bufferEnd - bufferStart);
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                bufferStart += newline + 1;
                return Decode(pending[..newline]);
            }

            if (endOfStream)
            {
                bufferStart = bufferEnd;
                return pending.IsEmpty ? null : Decode(pending);
            }

            if (bufferStart > 0)
            {
                pending.CopyTo(buffer);
                bufferEnd = pending.Length;
                bufferStart = 0;
            }

            if (bufferEnd == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = stream.Read(buffer, bufferEnd, buffer.Length - bufferEnd);
            endOfStream = read == 0;
            bufferEnd += read;
        }
    }

    private static string Decode(ReadOnlySpan<byte> line)
    {
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        return StrictUtf8.GetString(line);
    }

    public void Dispose()
    {
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }
}
