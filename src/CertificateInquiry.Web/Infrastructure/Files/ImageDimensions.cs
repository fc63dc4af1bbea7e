using System.Buffers.Binary;

namespace CertificateInquiry.Web.Infrastructure.Files;

/// <summary>
/// The pixel size an image declares, read from its header without decoding it: the PNG IHDR chunk (which must come
/// first), or the first JPEG start-of-frame segment (after any APPn/EXIF segments). A file that declares 100000×100000
/// pixels is a few bytes on disk and gigabytes in the browser that decodes it, so the size is checked on upload.
/// </summary>
public static class ImageDimensions
{
    /// <summary>Width and height, or null when the header is cut short, malformed or declares zero.</summary>
    public static (long Width, long Height)? Read(Stream content, DocumentFileType type) => type switch
    {
        DocumentFileType.Png => ReadPng(content),
        DocumentFileType.Jpeg => ReadJpeg(content),
        _ => null,
    };

    private static (long Width, long Height)? ReadPng(Stream content)
    {
        // Signature (8), chunk length (4) = 13, "IHDR" (4), width (4), height (4).
        Span<byte> header = stackalloc byte[24];
        if (content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
            || BinaryPrimitives.ReadUInt32BigEndian(header[8..]) != 13
            || !header[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(header[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(header[20..]);
        return width == 0 || height == 0 ? null : (width, height);
    }

    private static (long Width, long Height)? ReadJpeg(Stream content)
    {
        if (content.ReadByte() != 0xFF || content.ReadByte() != 0xD8)
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[5];
        while (true)
        {
            // A marker: one or more 0xFF, then its code.
            var next = content.ReadByte();
            if (next != 0xFF)
            {
                return null;
            }

            int marker;
            do
            {
                marker = content.ReadByte();
            }
            while (marker == 0xFF);

            switch (marker)
            {
                case -1:
                case 0xD9: // end of image
                case 0xDA: // start of scan: the frame header must have come before
                    return null;
                case 0x01:
                case >= 0xD0 and <= 0xD7:
                    continue; // markers without a length
            }

            if (content.ReadAtLeast(buffer[..2], 2, throwOnEndOfStream: false) < 2)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(buffer);
            if (length < 2)
            {
                return null;
            }

            if (IsStartOfFrame(marker))
            {
                // Precision (1), height (2), width (2).
                if (length < 7 || content.ReadAtLeast(buffer, 5, throwOnEndOfStream: false) < 5)
                {
                    return null;
                }

                var height = BinaryPrimitives.ReadUInt16BigEndian(buffer[1..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(buffer[3..]);
                return width == 0 || height == 0 ? null : (width, height);
            }

            if (!Skip(content, length - 2))
            {
                return null;
            }
        }
    }

    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    private static bool IsStartOfFrame(int marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    private static bool Skip(Stream content, int count)
    {
        if (content.CanSeek)
        {
            if (content.Position + count > content.Length)
            {
                return false;
            }

            content.Seek(count, SeekOrigin.Current);
            return true;
        }

        Span<byte> sink = stackalloc byte[256];
        while (count > 0)
        {
            var read = content.Read(sink[..Math.Min(count, sink.Length)]);
            if (read == 0)
            {
                return false;
            }

            count -= read;
        }

        return true;
    }
}
