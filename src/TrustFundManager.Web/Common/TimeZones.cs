using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace TrustFundManager.Web.Common;

/// <summary>A moment as a person reads it: the local date and time in a named time zone.</summary>
public sealed record ZonedTime(string Text, string Zone);

/// <summary>
/// The two time zones an instant is shown in: the user's (the browser's, asked once per circuit) and the fund's
/// (<see cref="TrustFundWebOptions.FundTimeZone"/>). Before the browser has answered, or where it names a zone this
/// machine does not know, the user's zone is UTC, and said so.
/// </summary>
public sealed class TimeZones(IJSRuntime js, IOptions<TrustFundWebOptions> options)
{
    private TimeZoneInfo? _user;

    public TimeZoneInfo Fund { get; } = Find(options.Value.FundTimeZone) ?? TimeZoneInfo.Utc;

    /// <summary>The user's zone once known (after the first interactive render), else null.</summary>
    public TimeZoneInfo? User => _user;

    /// <summary>Asks the browser for its time zone; call from <c>OnAfterRenderAsync</c> (JavaScript is not there before).</summary>
    public async Task<TimeZoneInfo?> LearnUserZoneAsync()
    {
        if (_user is not null) return _user;
        try
        {
            _user = Find(await js.InvokeAsync<string?>("trustFund.timeZone"));
        }
        catch (JSException)
        {
        }
        catch (InvalidOperationException)
        {
            // Prerendering: no browser yet.
        }
        catch (TaskCanceledException)
        {
        }
        return _user;
    }

    public static ZonedTime In(DateTimeOffset instant, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTime(instant, zone).ToString("g", CultureInfo.CurrentCulture), Name(zone));

    private static string Name(TimeZoneInfo zone) => zone == TimeZoneInfo.Utc ? "UTC" : zone.Id;

    private static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        if (id is "UTC" or "Etc/UTC") return TimeZoneInfo.Utc;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }
}
