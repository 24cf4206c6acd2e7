using System.ComponentModel.DataAnnotations;
using Steward.Data;

namespace Steward.Features.Portfolio;

/// <summary>
/// How accounts are scored and how much a key account manager can carry. One row, edited by admins.
/// Weights are relative (0–10): a criterion with weight 0 does not count.
/// </summary>
public class PortfolioSettings : TrackedEntity
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    // Attractiveness: how much the account is worth to us.
    [Range(0, 10)] public int RevenueWeight { get; set; } = 5;
    [Range(0, 10)] public int GrowthWeight { get; set; } = 3;
    [Range(0, 10)] public int PotentialWeight { get; set; } = 4;
    [Range(0, 10)] public int MarginWeight { get; set; } = 3;
    [Range(0, 10)] public int StrategicFitWeight { get; set; } = 3;
    [Range(0, 10)] public int ReplaceabilityWeight { get; set; } = 2;

    // Position: how strong we are with them.
    [Range(0, 10)] public int ShareOfWalletWeight { get; set; } = 5;
    [Range(0, 10)] public int RelationshipWeight { get; set; } = 5;

    /// <summary>Scores at or above these (0–100) count as high attractiveness / strong position.</summary>
    [Range(1, 99)] public int AttractivenessThreshold { get; set; } = 50;
    [Range(1, 99)] public int PositionThreshold { get; set; } = 50;

    /// <summary>How many accounts one account manager can look after well (seed 002: about 40).</summary>
    [Range(1, 1000)] public int AccountsPerManager { get; set; } = 40;

    /// <summary>How many key accounts one account manager can look after well.</summary>
    [Range(1, 1000)] public int KeyAccountsPerManager { get; set; } = 12;
}
