using MudBlazor;

namespace TrustFundManager.Web.Layout;

/// <summary>
/// The pages' look: UN blue, contrast at WCAG AA, and the system's own fonts (no font is fetched from anywhere).
/// </summary>
public static class AppTheme
{
    public static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "Noto Sans", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#00558c",
            Secondary = "#4f5b66",
            AppbarBackground = "#00558c",
            TextSecondary = "rgba(0,0,0,0.70)",
            // MudBlazor's own error, warning and info tones fall under 4.5:1 on white (and on their alerts' tints):
            // field errors and alerts are text people must read.
            Error = "#b3261e",
            Warning = "#8a4b00",
            Info = "#01579b",
            Success = "#1b5e20",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
            H1 = new H1Typography { FontFamily = SystemFonts, FontSize = "2rem", FontWeight = "500" },
            H2 = new H2Typography { FontFamily = SystemFonts, FontSize = "1.5rem", FontWeight = "500" },
            H3 = new H3Typography { FontFamily = SystemFonts, FontSize = "1.25rem", FontWeight = "500" },
            Button = new ButtonTypography { FontFamily = SystemFonts, TextTransform = "none" },
        },
    };
}
