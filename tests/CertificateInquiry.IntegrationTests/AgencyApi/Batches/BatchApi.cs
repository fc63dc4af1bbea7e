using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;

namespace CertificateInquiry.IntegrationTests.AgencyApi.Batches;

/// <summary>Speaks the batch API as an agency would: files written as agencies write them, uploads, polling, downloads.</summary>
public static class BatchApi
{
    public const string Header = "row_id,national_code,certificate_number,first_name,last_name";

    public static byte[] Csv(bool bom, params string[] lines)
    {
        var text = Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. lines]) + "\r\n");
        return bom ? [0xEF, 0xBB, 0xBF, .. text] : text;
    }

    /// <summary>An XLSX workbook written with MiniExcel, every cell text (as Excel keeps a code typed with a leading apostrophe).</summary>
    public static byte[] Xlsx(params string[][] rows)
    {
        var lines = rows.Select(cells => new Dictionary<string, object?>
        {
            ["row_id"] = cells[0],
            ["national_code"] = cells[1],
            ["certificate_number"] = cells[2],
            ["first_name"] = cells[3],
            ["last_name"] = cells[4],
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(lines, printHeader: true, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static MultipartFormDataContent Form(byte[] file, string fileName, string contentType = "text/csv")
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(content, "file", fileName);
        form.Add(new StringContent("judicial"), "purpose");
        form.Add(new StringContent("پرونده ۱۴۰۵/۷۷"), "caseReference");
        form.Add(new StringContent("officer-9"), "officerId");
        return form;
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] file, string fileName, string? key = null) =>
        client.SendAsync(Upload(Form(file, fileName, fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv"), key ?? Guid.NewGuid().ToString("N")));

    public static HttpRequestMessage Upload(HttpContent content, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/batches") { Content = content };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        return request;
    }

    /// <summary>Polls the batch until it is completed or rejected (at most 60 s); returns its last state.</summary>
    public static async Task<JsonElement> WaitAsync(this HttpClient client, string location)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await client.GetAsync(location);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var batch = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            var status = batch.GetProperty("status").GetString();
            if (status is "completed" or "rejected" || DateTime.UtcNow > deadline)
            {
                return batch;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Uploads, checks the 202 and its Location, and waits for the end.</summary>
    public static async Task<(string Location, JsonElement Batch)> RunAsync(this HttpClient client, byte[] file, string fileName)
    {
        using var response = await client.UploadAsync(file, fileName);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.OriginalString;
        return (location, await client.WaitAsync(location));
    }

    /// <summary>The results CSV's lines after the header, each split on commas (the test data holds no commas or quotes).</summary>
    public static List<string[]> CsvLines(byte[] results)
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], results[..3]);
        var text = Encoding.UTF8.GetString(results, 3, results.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("row_id,row_number,outcome,reason,certificate_status,certificate_number", lines[0], StringComparison.Ordinal);
        return [.. lines.Skip(1).Select(line => line.Split(','))];
    }
}
