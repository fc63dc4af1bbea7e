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
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (TryRead(path, protector, logger) is { } existing)
            {
                return existing;
            }

            var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temporary, protector.Protect(Convert.ToBase64String(key.ExportPkcs8PrivateKey())));
            try
            {
                // A move that never replaces: of two hosts starting together, one puts its key in place whole and the
                // other reads that one. No host ever reads a half-written file.
                File.Move(temporary, path, overwrite: false);
                var ring = new AnswerKeyRing([AnswerSigningKey.From(key, AnswerKeyStatus.Current)]);
                logger.DevelopmentKeyCreated(ring.Current.KeyId);
                return ring;
            }
            catch (IOException) when (File.Exists(path))
            {
                key.Dispose();
                File.Delete(temporary);
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
            // (A file is only ever put in place whole, so this is never another host's key half-written.)
            logger.DevelopmentKeyReplaced(exception.GetType().Name);
            File.Delete(path);
            return null;
        }
    }
}
