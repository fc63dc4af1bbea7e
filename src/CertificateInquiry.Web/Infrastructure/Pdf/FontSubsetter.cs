using System.Runtime.InteropServices;

namespace CertificateInquiry.Web.Infrastructure.Pdf;

/// <summary>
/// Cuts a font down, once at start-up, to the characters that Persian documents use, with HarfBuzz's subsetter
/// (hb-subset, exported by the HarfBuzzSharp native library). The SkiaSharp build we use embeds whole fonts in
/// PDFs, so every document would otherwise carry and compress the full Vazirmatn files (about 120 KB each): the
/// subset halves the size of every PDF and the time spent writing its fonts. Shaping uses the same subset, whose
/// substitution and positioning tables hb-subset keeps for the glyphs it retains.
/// </summary>
internal static class FontSubsetter
{
    private const string HarfBuzz = "libHarfBuzzSharp";
    private const int MemoryModeDuplicate = 0;

    // Basic Latin and Latin-1, Arabic (Persian letters and digits), general punctuation (ZWNJ, dashes, quotes, bidi
    // marks), the dotted circle HarfBuzz shows under a stray mark, and the Arabic presentation forms.
    private static readonly (uint First, uint Last)[] KeptRanges =
    [
        (0x0020, 0x007E),
        (0x00A0, 0x00FF),
        (0x0600, 0x06FF),
        (0x2000, 0x206F),
        (0x25CC, 0x25CC),
        (0xFB50, 0xFDFF),
        (0xFE70, 0xFEFF),
    ];

    /// <summary>The subset font file, or the font unchanged if HarfBuzz cannot subset it.</summary>
    public static byte[] Subset(byte[] font)
    {
        try
        {
            return TrySubset(font) ?? font;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return font;
        }
    }

    private static byte[]? TrySubset(byte[] font)
    {
        var blob = hb_blob_create(font, (uint)font.Length, MemoryModeDuplicate, IntPtr.Zero, IntPtr.Zero);
        var face = hb_face_create(blob, 0);
        var input = hb_subset_input_create_or_fail();
        var subset = IntPtr.Zero;
        var subsetBlob = IntPtr.Zero;
        try
        {
            if (input == IntPtr.Zero)
            {
                return null;
            }

            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var (first, last) in KeptRanges)
            {
                hb_set_add_range(unicodes, first, last);
            }

            subset = hb_subset_or_fail(face, input);
            if (subset == IntPtr.Zero)
            {
                return null;
            }

            subsetBlob = hb_face_reference_blob(subset);
            var data = hb_blob_get_data(subsetBlob, out var length);
            if (data == IntPtr.Zero || length == 0)
            {
                return null;
            }

            var result = new byte[length];
            Marshal.Copy(data, result, 0, (int)length);
            return result;
        }
        finally
        {
            hb_blob_destroy(subsetBlob);
            hb_face_destroy(subset);
            hb_subset_input_destroy(input);
            hb_face_destroy(face);
            hb_blob_destroy(blob);
        }
    }

    // hb_*_destroy accept null. The font bytes are pinned for the call and copied by HarfBuzz (duplicate mode).
    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_blob_create(byte[] data, uint length, int mode, IntPtr userData, IntPtr destroy);

    [DllImport(HarfBuzz)]
    private static extern void hb_blob_destroy(IntPtr blob);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_face_create(IntPtr blob, uint index);

    [DllImport(HarfBuzz)]
    private static extern void hb_face_destroy(IntPtr face);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_face_reference_blob(IntPtr face);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_input_create_or_fail();

    [DllImport(HarfBuzz)]
    private static extern void hb_subset_input_destroy(IntPtr input);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);

    [DllImport(HarfBuzz)]
    private static extern void hb_set_add_range(IntPtr set, uint first, uint last);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
}
