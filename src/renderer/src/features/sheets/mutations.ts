import { useMutation } from '@tanstack/react-query'
import { api, type ApiCallError } from '../../api/client'
import { useApiMutation } from '../../api/hooks'

/** Saves the cover contact (settings key 'sheet.contact'); the sheet reads it with its data. */
export const useSaveSheetContact = () => useApiMutation('settings.set', ['settings.get', 'sheets.data'])

/** Prints the page to PDF through the host (Electron: save dialog; browser: print dialog). */
export const usePrintToPdf = () => useMutation<{ filePath: string | null }, ApiCallError, string>({ mutationFn: (fileName) => api.printToPdf(fileName) })
