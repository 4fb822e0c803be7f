/** The API accepts display names of 1 to 120 characters (RegisterDto, UpdateMeDto). */
export const DISPLAY_NAME_MAX_LENGTH = 120;
