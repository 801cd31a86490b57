export { vipTierPlugin, vipTierFor, VIP_TIERS, type VipTier, type VipTierOptions } from './vip-tier.js';
