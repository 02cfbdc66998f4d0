// TIMESTAMP of the password claim, formatted like amazon-cognito-identity-js's DateHelper.getNowString.

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function twoDigits(value: number): string {
  return value.toString().padStart(2, '0');
}

/**
 * `ddd MMM D HH:mm:ss UTC YYYY` in UTC with English names: the Java date format Cognito checks the signature
 * against. The day of month is not zero-padded, hours, minutes and seconds are.
 */
export function formatTimestamp(now: Date): string {
  const weekday = weekdays[now.getUTCDay()] ?? '';
  const month = months[now.getUTCMonth()] ?? '';
  const time = `${twoDigits(now.getUTCHours())}:${twoDigits(now.getUTCMinutes())}:${twoDigits(now.getUTCSeconds())}`;
  return `${weekday} ${month} ${now.getUTCDate()} ${time} UTC ${now.getUTCFullYear()}`;
}
