// The operation table: X-Amz-Target operation name → handler.
import type { Handler } from "../context.ts";
import {
  adminInitiateAuth,
  adminRespondToAuthChallenge,
  initiateAuth,
  respondToAuthChallenge,
} from "./auth.ts";
import {
  adminForgetDevice,
  adminListDevices,
  confirmDevice,
  forgetDevice,
  getDevice,
  listDevices,
  updateDeviceStatus,
} from "./devices.ts";
import {
  adminSetUserMFAPreference,
  associateSoftwareToken,
  getUserPoolMfaConfig,
  setUserMFAPreference,
  setUserPoolMfaConfig,
  verifySoftwareToken,
} from "./mfa.ts";

export const handlers: Readonly<Record<string, Handler>> = {
  InitiateAuth: initiateAuth,
  RespondToAuthChallenge: respondToAuthChallenge,
  AdminInitiateAuth: adminInitiateAuth,
  AdminRespondToAuthChallenge: adminRespondToAuthChallenge,
  AssociateSoftwareToken: associateSoftwareToken,
  VerifySoftwareToken: verifySoftwareToken,
  SetUserMFAPreference: setUserMFAPreference,
  AdminSetUserMFAPreference: adminSetUserMFAPreference,
  GetUserPoolMfaConfig: getUserPoolMfaConfig,
  SetUserPoolMfaConfig: setUserPoolMfaConfig,
  ConfirmDevice: confirmDevice,
  UpdateDeviceStatus: updateDeviceStatus,
  ForgetDevice: forgetDevice,
  GetDevice: getDevice,
  ListDevices: listDevices,
  AdminListDevices: adminListDevices,
  AdminForgetDevice: adminForgetDevice,
};
