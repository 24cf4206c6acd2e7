namespace Steward.Features.Interactions;

/// <summary>What a "log the touch" button fills in for the person: account, kind and a subject.</summary>
public sealed record InteractionPreset(int AccountId, InteractionKind Kind, MeetingType? MeetingType, string Subject);
