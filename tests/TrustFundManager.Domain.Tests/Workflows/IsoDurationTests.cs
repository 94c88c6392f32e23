using TrustFundManager.Workflows.Definitions;

namespace TrustFundManager.Domain.Tests.Workflows;

public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("P14D", 14 * 24 * 60)]
    [InlineData("P2W", 14 * 24 * 60)]
    [InlineData("PT36H", 36 * 60)]
    [InlineData("P1DT12H30M", 36 * 60 + 30)]
    [InlineData("PT90M", 90)]
    public void Weeks_days_hours_and_minutes_are_read(string text, int minutes)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMinutes(minutes), duration);
    }

    [Theory]
    [InlineData("P1Y")]
    [InlineData("P3M")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("P0D")]
    [InlineData("-P1D")]
    [InlineData("p1d")]
    [InlineData("")]
    [InlineData(null)]
    public void Calendar_units_empty_zero_and_malformed_durations_are_refused(string? text) =>
        Assert.False(IsoDuration.TryParse(text, out _));
}
