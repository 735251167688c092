import { act, fireEvent, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { AcceptInvitationScreen } from '@/features/track/components/AcceptInvitationScreen'
import { api, ApiError } from '@/lib/api'
import { APPLICATION_ID } from '../fixtures/tracking'
import { renderScreen } from './render'

const tap = (element: HTMLElement) => act(async () => void fireEvent.click(element))
const type = (element: HTMLElement, value: string) => act(async () => void fireEvent.input(element, { target: { value } }))

afterEach(() => jest.restoreAllMocks())

describe('关注家人的申请: accepting an invitation', () => {
  it('opens from the share card with the code filled in, accepts it and shows the application', async () => {
    const paths: string[] = []
    jest.spyOn(api, 'request').mockImplementation(async (request) => {
      paths.push(`${request.method} ${request.path}`)
      return request.schema.parse({ applicationId: APPLICATION_ID, role: 'viewer' })
    })
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' })
    renderScreen(<AcceptInvitationScreen initialCode='AB3CD7EFGH' />)
    expect(await screen.findByLabelText('邀请码')).toHaveValue('AB3CD-7EFGH')
    await tap(screen.getByRole('button', { name: '接受邀请' }))
    expect(paths).toEqual(['POST /invitations/AB3CD7EFGH/accept'])
    expect(redirect).toHaveBeenCalledWith({ url: `/subpackages/track/detail/index?id=${APPLICATION_ID}` })
  })

  it('says what is wrong with a mistyped code, next to it, before asking the server', async () => {
    const request = jest.spyOn(api, 'request')
    renderScreen(<AcceptInvitationScreen />)
    await type(await screen.findByLabelText('邀请码'), 'AB3CD-7EFG')
    await tap(screen.getByRole('button', { name: '接受邀请' }))
    expect(screen.getByText('邀请码是 10 位字母和数字，请核对后再输入')).toBeInTheDocument()
    expect(screen.getByLabelText('邀请码')).toHaveValue('AB3CD-7EFG')
    expect(request).not.toHaveBeenCalled()
  })

  it('shows the server’s reason when the code was used or has expired, and keeps the code to correct', async () => {
    jest.spyOn(api, 'request').mockRejectedValue(
      new ApiError({ kind: 'http', status: 409, code: 'invitation_used', message: '这个邀请码已经用过了。每个邀请码只能用一次，请让家人重新邀请。' }),
    )
    renderScreen(<AcceptInvitationScreen />)
    await type(await screen.findByLabelText('邀请码'), 'ab3cd 7efgh')
    await tap(screen.getByRole('button', { name: '接受邀请' }))
    expect(await screen.findByText('这个邀请码已经用过了。每个邀请码只能用一次，请让家人重新邀请。')).toBeInTheDocument()
    expect(screen.getByLabelText('邀请码')).toHaveValue('ab3cd 7efgh')
  })
})
