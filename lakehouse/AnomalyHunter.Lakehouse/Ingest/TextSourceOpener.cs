using System.IO.Compression;
using System.Text;

namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Opens a text input as a UTF-8 byte stream: gunzips gzip content (by its magic bytes), skips a UTF-8 BOM and transcodes UTF-16 (with BOM).</summary>
/// <remarks>Unpaired UTF-16 surrogates become U+FFFD while transcoding; the CSV reader quarantines rows that hold one.</remarks>
internal static class TextSourceOpener
{
    /// <summary>Opens <paramref name="path"/>; returns a null stream with a file-level rejection when the file cannot be read as text.</summary>
    public static async Task<OpenedText> OpenAsync(string path, CancellationToken cancellationToken)
    {
        bool gzip;
        byte[] prefix = new byte[4];
        int prefixLength;
        await using (var probe = OpenFile(path))
        {
            if (probe.Length == 0)
            {
                return new OpenedText(null, false, false, 0, QuarantineReason.EmptyFile, "the file is empty (0 bytes)");
            }

            int magic = await probe.ReadAtLeastAsync(prefix.AsMemory(0, 2), 2, throwOnEndOfStream: false, cancellationToken);
            gzip = magic == 2 && prefix[0] == 0x1F && prefix[1] == 0x8B;
            probe.Position = 0;
            Stream content = gzip ? new GZipStream(probe, CompressionMode.Decompress, leaveOpen: true) : probe;
            try
            {
                prefixLength = await content.ReadAtLeastAsync(prefix, prefix.Length, throwOnEndOfStream: false, cancellationToken);
            }
            catch (InvalidDataException ex)
            {
                return new OpenedText(null, false, true, 0, QuarantineReason.UnreadableFile, $"the gzip stream is corrupt: {ex.Message}");
            }
            finally
            {
                if (gzip)
                {
                    await content.DisposeAsync();
                }
            }
        }

        if (prefixLength == 0)
        {
            return new OpenedText(null, false, gzip, 0, QuarantineReason.EmptyFile, "the file is empty (no bytes after decompression)");
        }

        ReadOnlySpan<byte> head = prefix.AsSpan(0, prefixLength);
        Encoding? utf16 = null;
        int bom = 0;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bom = 3;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            bom = 2;
            utf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            bom = 2;
            utf16 = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);
        }

        FileStream file = OpenFile(path);
        Stream stream = gzip ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: false) : file;
        try
        {
            if (bom > 0)
            {
                await stream.ReadExactlyAsync(new byte[bom], cancellationToken);
            }
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }

        if (utf16 is not null)
        {
            stream = Encoding.CreateTranscodingStream(stream, utf16, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: false);
        }

        return new OpenedText(stream, utf16 is not null, gzip, bom, QuarantineReason.UnreadableFile, string.Empty);
    }

    private static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
