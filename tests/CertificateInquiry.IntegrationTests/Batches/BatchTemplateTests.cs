using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Features.Shared.Batches;

namespace CertificateInquiry.IntegrationTests.Batches;

public sealed class BatchTemplateTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/api/v1/batches/template.csv", "text/csv", "batch-template.csv", BatchFileFormat.Csv)]
    [InlineData("/api/v1/batches/template.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "batch-template.xlsx", BatchFileFormat.Xlsx)]
    public async Task A_template_downloads_without_sign_in_and_reads_back_as_one_valid_example_row(
        string path, string mediaType, string fileName, BatchFileFormat format)
    {
        var response = await portal.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromDays(1), response.Headers.CacheControl?.MaxAge);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var file = await BatchFileReader.OpenAsync(body, fileName, mediaType, CancellationToken.None);
        Assert.Equal(new BatchFileCheck(format, 1, null), file.Check());
        var row = new BatchRowCheck(certificateNumberOptional: false).Check(Assert.Single(file.ReadRows()));
        Assert.Null(row.Reason);
        Assert.Equal("0012345679", row.NationalCode);
    }

    [Fact]
    public async Task The_csv_template_starts_with_a_bom_and_the_header()
    {
        var bytes = await portal.CreateClient().GetByteArrayAsync("/api/v1/batches/template.csv");

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith(BatchColumns.HeaderLine + "\r\n", System.Text.Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/batches/template.pdf")]
    [InlineData("/api/v1/batches/template.csv.exe")]
    [InlineData("/api/v1/batches/template..csv")]
    public async Task Other_template_names_are_not_found(string path)
    {
        var response = await portal.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_post_to_a_template_changes_nothing_and_is_not_allowed()
    {
        var response = await portal.CreateClient().PostAsync("/api/v1/batches/template.csv", new StringContent("x"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
