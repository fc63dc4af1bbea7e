using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CertificateInquiry.Web.Infrastructure.Signing;

/// <summary>
/// Outside Production, with no key configured: one P-256 key generated on first use and kept in the data folder,
/// encrypted with Data Protection (whose keys live in the database), so that answers signed before a restart, or by
/// another host on the same database and data folder, still verify. Never used in Production.
/// </summary>
public static class DevelopmentSigningKey
{
    public const string FileName = "answer-signing-development-key.txt";

    private const string Purpose = "CertificateInquiry.AnswerSigning.DevelopmentKey.v1";

    public static AnswerKeyRing LoadOrCreate(string folder, IDataProtectionProvider dataProtection, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(dataProtection);
        var protector = dataProtection.CreateProtector(Purpose);
        var path = Path.Combine(folder, FileName);
        Directory.CreateDirectory(folder);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (TryRead(path, protector, logger) is { } existing)
            {
                return existing;
            }

            var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var text = protector.Protect(Convert.ToBase64String(key.ExportPkcs8PrivateKey()));
            try
            {
                // CreateNew: of two hosts starting together, one writes and the other reads what it wrote.
                using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                using (var writer = new StreamWriter(stream))
                {
                    writer.Write(text);
                }

                var ring = new AnswerKeyRing([AnswerSigningKey.From(key, AnswerKeyStatus.Current)]);
                logger.DevelopmentKeyCreated(ring.Current.KeyId);
                return ring;
            }
            catch (IOException) when (File.Exists(path))
            {
                key.Dispose();
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException($"The development answer signing key in {path} could not be read or written.");
    }

    private static AnswerKeyRing? TryRead(string path, IDataProtector protector, ILogger logger)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        if (text.Length == 0)
        {
            return null; // being written by another host this moment
        }

        try
        {
            var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(Convert.FromBase64String(protector.Unprotect(text)), out _);
            return new AnswerKeyRing([AnswerSigningKey.From(key, AnswerKeyStatus.Current)]);
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or InvalidOperationException)
        {
            // Written with Data Protection keys this database no longer has (a new database beside an old data
            // folder): the earlier signatures are lost with those keys anyway. A new key takes its place.
            logger.DevelopmentKeyReplaced(exception.GetType().Name);
            File.Delete(path);
            return null;
        }
    }
}
