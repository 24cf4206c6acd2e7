using MudBlazor;

namespace Steward.Components.Layout;

/// <summary>Steward's colours and type. System fonts only: the app must work without internet access.</summary>
public static class StewardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1F5C99",
            Secondary = "#2E7D6B",
            Tertiary = "#B26A00",
            AppbarBackground = "#17324D",
            AppbarText = "#FFFFFF",
            Background = "#F5F7FA",
            DrawerBackground = "#FFFFFF",
            Success = "#2E7D32",
            Warning = "#B26A00",
            Error = "#C62828",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Segoe UI", "Liberation Sans", "DejaVu Sans", "Helvetica", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
