namespace TrustFundManager.Application.Reports;

/// <summary>A file to download: its content, its media type and, when it has one, the name to save it under.</summary>
public sealed record FileDownload(byte[] Content, string ContentType, string? FileName);
