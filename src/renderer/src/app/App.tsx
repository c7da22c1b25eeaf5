import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createHashRouter, RouterProvider } from 'react-router'
import { ToastProvider } from '../components/Toast'
import { featureRoutes } from './routes'
import { Shell } from './Shell'

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
})

// Hash routing works the same under the Electron app protocol and the browser host.
const router = createHashRouter([{ path: '/', element: <Shell />, children: featureRoutes }])

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  )
}
