using CertificateInquiry.Web.Data;

namespace CertificateInquiry.Web.Infrastructure.Files;

public static class DocumentStoreServiceCollectionExtensions
{
    /// <summary>The <see cref="DocumentStore"/> with the <c>Uploads</c> settings, one for the process.</summary>
    public static WebApplicationBuilder AddDocumentStore(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(UploadOptions.Section);
        builder.Services.Configure<UploadOptions>(section);
        builder.Services.AddSingleton(services =>
        {
            var uploads = section.Get<UploadOptions>() ?? new UploadOptions();
            var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
            var environment = services.GetRequiredService<IWebHostEnvironment>();
            var folder = DocumentStore.ResolveFolder(uploads, database, environment.ContentRootPath, environment.WebRootPath);
            return new DocumentStore(folder, uploads, services.GetRequiredService<ILogger<DocumentStore>>(), services.GetRequiredService<TimeProvider>());
        });
        return builder;
    }
}
