using Steward.Data;

namespace Steward.Features.Cadence;

/// <summary>
/// Which contacts hold a stakeholder role. Buying roles belong to the Relationship X-ray
/// (stakeholder attributes); until that is in, no contact has a role, so role rules apply to no
/// account (there is no known decision maker to be in touch with) and the others work as usual.
/// </summary>
public static class CadenceStakeholders
{
    public static IQueryable<int> ContactIdsInRole(StewardDbContext db, StakeholderRole role)
    {
        // Wire to the stakeholder attributes here, e.g. db.Contacts.Where(c => c.BuyingRole == role).Select(c => c.Id).
        _ = role;
        return db.Contacts.Where(c => false).Select(c => c.Id);
    }
}
