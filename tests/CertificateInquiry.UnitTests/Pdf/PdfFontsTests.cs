using CertificateInquiry.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using SkiaSharp;

namespace CertificateInquiry.UnitTests.Pdf;

public class PdfFontsTests
{
    [Fact]
    public void Loads_Vazirmatn_from_the_web_root_cut_down_to_the_characters_documents_use()
    {
        var file = Path.Combine(TestFonts.WebRoot, PdfFonts.WebRootFolder, "Vazirmatn-Regular.ttf");
        var full = File.ReadAllBytes(file);

        var subset = FontSubsetter.Subset(full);

        Assert.InRange(subset.Length, 10_000, full.Length * 3 / 4);
        using var data = SKData.CreateCopy(subset);
        using var typeface = SKTypeface.FromData(data);
        Assert.NotNull(typeface);
        using var font = new SKFont(typeface, 10);
        Assert.All("گزارش ۱۴۰۲ 1402-AZ ‌،؛", c => Assert.NotEqual(0, font.GetGlyph(c)));
    }

    [Fact]
    public void Has_a_regular_and_a_bold_face()
    {
        var fonts = TestFonts.Shared;

        Assert.Same(fonts.Bold, fonts[PdfFontWeight.Bold]);
        Assert.Same(fonts.Regular, fonts[PdfFontWeight.Regular]);
        Assert.True(fonts.Bold.Typeface.FontStyle.Weight > fonts.Regular.Typeface.FontStyle.Weight);
    }

    [Fact]
    public void Says_which_file_is_missing_from_the_web_root()
    {
        using var empty = new PhysicalFileProvider(Directory.CreateTempSubdirectory("empty-web-root-").FullName);

        var error = Assert.Throws<FileNotFoundException>(() => PdfFonts.FromWebRoot(empty));

        Assert.Contains("lib/vazirmatn/fonts/ttf/Vazirmatn-Regular.ttf", error.Message, StringComparison.Ordinal);
    }
}

public class PdfServiceRegistrationTests
{
    [Fact]
    public void AddPdfFonts_registers_one_PdfFonts_read_from_the_web_root()
    {
        using var webRoot = new PhysicalFileProvider(TestFonts.WebRoot);
        var services = new ServiceCollection();
        services.AddSingleton<IWebHostEnvironment>(new WebRootOnly(webRoot));

        services.AddPdfFonts();
        using var provider = services.BuildServiceProvider();

        var fonts = provider.GetRequiredService<PdfFonts>();
        Assert.Same(fonts, provider.GetRequiredService<PdfFonts>());
        Assert.Equal("Vazirmatn-Bold.ttf", fonts.Bold.Name);
    }

    private sealed class WebRootOnly(IFileProvider webRoot) : IWebHostEnvironment
    {
        public IFileProvider WebRootFileProvider { get; set; } = webRoot;

        public string WebRootPath { get; set; } = string.Empty;

        public string ApplicationName { get; set; } = "tests";

        public IFileProvider ContentRootFileProvider { get; set; } = webRoot;

        public string ContentRootPath { get; set; } = string.Empty;

        public string EnvironmentName { get; set; } = "Testing";
    }
}
