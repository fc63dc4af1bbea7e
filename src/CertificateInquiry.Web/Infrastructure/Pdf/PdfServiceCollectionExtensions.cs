namespace CertificateInquiry.Web.Infrastructure.Pdf;

public static class PdfServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PdfFonts"/> as a singleton read from the web root
    /// (<c>wwwroot/lib/vazirmatn/fonts/ttf</c>) the first time a document is made.
    /// </summary>
    public static IServiceCollection AddPdfFonts(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
            PdfFonts.FromWebRoot(provider.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider));
        return services;
    }
}
